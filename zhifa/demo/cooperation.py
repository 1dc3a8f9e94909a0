"""Demo cooperation between agencies, through the cooperation (and case) services: in 渝中区
the market regulation bureau (yz-scj) and the city management bureau (yz-cgj) work as one
system — a transfer received and answered in writing (D3.4), a request for assistance
(D4.4a), a joint meeting with a resolution to carry out (D4.1), a joint campaign with a
share for each (D4.2a), and a joint inspection (综合查一次, D2.1) both recorded with two
certified officers each. Called by the demo loader inside its transaction, after the demo
cases (so that the annual cap counts their inspections); the loader runs once."""

from __future__ import annotations

from datetime import timedelta

from zhifa.cases import services as case_services
from zhifa.cooperation import facts, periods, services
from zhifa.core import workdays


def _back(today, n: int):
    d = today
    while not workdays.is_working_day(d):
        d -= timedelta(days=1)
    while n:
        d -= timedelta(days=1)
        if workdays.is_working_day(d):
            n -= 1
    return d


def load(world) -> None:
    market, city = world.agencies.get("yz-scj"), world.agencies.get("yz-cgj")
    party = world.parties.get("laojie-hotpot")
    users, officers = world.users, world.officers
    needed = ("yz-scj-head", "yz-scj-officer1", "yz-cgj-head", "yz-cgj-officer1")
    if market is None or city is None or party is None or any(u not in users for u in needed):
        return
    today = world.today
    m_head, m_officer = users["yz-scj-head"], users["yz-scj-officer1"]
    c_head, c_officer = users["yz-cgj-head"], users["yz-cgj-officer1"]
    district = market.government

    # 1. A transfer: received (it may not be refused), filed as the receiver's clue, answered in writing (D3.4).
    r = _back(today, 12)
    clue = case_services.clue_register(
        actor=m_officer,
        source="inspection",
        received_on=r,
        on=r,
        party=party,
        summary="日常检查中发现：店外人行道堆放桌椅占道经营。",
        violation_item=world.items.get("CG-003"),
        place=district,
        act_date=r,
    )
    clue = case_services.transfer_out(
        actor=m_head,
        case=clue,
        to_agency=city,
        on=workdays.add_working_days(r, 1),
        reasons="占道经营属城市管理部门的职权，本局无管辖权（职权目录核对）。",
        materials="现场检查记录1份、现场照片3张",
    )
    transfer = clue.transfer_out
    services.transfer_receive(actor=c_officer, transfer=transfer, on=workdays.add_working_days(r, 2))
    transfer.refresh_from_db()
    case_services.transfer_answer(
        actor=c_officer,
        case=transfer.received_case,
        on=workdays.add_working_days(r, 4),
        answer="已现场责令当事人改正，当事人当日撤除占道桌椅；经复查已改正（演示）。",
    )

    # 2. A request for assistance, within the requested agency's powers, awaiting its answer (D4.4a–b).
    services.assistance_request(
        actor=m_officer,
        requested_agency=city,
        kind="identification",
        matters="请协助核实老街火锅店外搭建物是否已取得临时占用许可。",
        legal_basis="《中华人民共和国行政处罚法》第二十六条",
        letter_sealed=True,
        on=_back(today, 1),
    )

    # 3. A joint meeting with a resolution to carry out (D4.1).
    held = _back(today, 8)
    meeting = services.meeting_record(
        actor=m_head,
        title="渝中区餐饮街区综合治理联席会议（演示）",
        held_on=held,
        agenda="一、通报老街餐饮街区占道经营和食品安全问题；二、商定联合检查和信息互通办法。",
        attendees=[city],
        attendee_names="区市场监管局、区城市管理局分管负责人及执法科室负责人",
        minutes="会议议定：城市管理局负责占道经营整治，市场监管局负责食品安全检查，两局每月互通检查计划。",
        minutes_number="渝中联席〔演示〕1号",
    )
    services.meeting_resolution_add(
        actor=m_head,
        meeting=meeting,
        agency=city,
        description="对老街餐饮街区的占道经营开展集中整治，并报送整治情况。",
        due_on=workdays.add_working_days(held, 20),
        on=held,
    )

    # 4. A joint campaign of the same level, with a share for the other bureau (D4.2a).
    start = _back(today, 5)
    campaign = services.campaign_launch(
        actor=m_head,
        title="渝中区餐饮街区专项整治（演示）",
        field="食品安全、市容秩序",
        starts_on=start,
        ends_on=start + timedelta(days=60),
        targets="餐饮单位证照齐全、进货查验落实，街区无占道经营。",
    )
    share = services.campaign_task_assign(
        actor=m_head,
        campaign=campaign,
        agency=city,
        description="负责街区占道经营、乱搭乱建的整治。",
        due_on=start + timedelta(days=60),
        on=start,
    )
    services.task_respond(actor=c_head, task=share, accepted=True, on=workdays.add_working_days(start, 1))

    # 5. One visit instead of many (D2.1): the market bureau's planned inspection becomes a
    # joint inspection the city management bureau joins; each records its part with two
    # certified officers of its own (D3.8). Beyond the annual cap, the head approves in writing first.
    cap = periods.annual_inspection_cap(today)
    if cap is not None and facts.visits_in_year(market.pk, party.pk, today.year) >= cap:
        services.inspection_cap_approve(
            actor=m_head,
            party=party,
            year=today.year,
            reasons="联席会议议定对该街区联合检查，已达年度检查频次上限，以综合查一次进行（演示）。",
            document_number="渝中市监检批〔演示〕1号",
            on=today,
        )
    plan = services.inspection_plan(
        actor=m_officer,
        party=party,
        on=today,
        place="渝中区示例街3号老街火锅店",
        items="食品经营许可、进货查验记录、后厨卫生",
    )
    joint = services.joint_inspection_create(
        actor=m_officer, plan=plan, invited=[city], note="联席会议议定的综合查一次：一次进门、一份记录。"
    )
    services.joint_inspection_join(actor=c_officer, joint=joint, items="店外占道经营、户外招牌设置")
    for actor, code, findings in (
        (m_officer, "yz-scj", "食品经营许可证在有效期内，进货查验记录齐全，后厨卫生符合要求。"),
        (c_officer, "yz-cgj", "店外人行道已无占道桌椅，户外招牌设置符合规定。"),
    ):
        inspectors = [o for key, o in officers.items() if key.startswith(f"{code}-officer")][:2]
        services.joint_part_record(
            actor=actor, joint=joint, officers=inspectors, certificates_shown=True, findings=findings, on=today
        )
