"""Dated legal parameters, on both sides of each effective date."""

from datetime import date
from decimal import Decimal

import pytest

from zhifa.core import parameters


def test_every_parameter_has_a_source_and_a_known_unit():
    for p in parameters.all_parameters().values():
        assert p.unit in parameters.UNITS
        assert all(v.source for v in p.versions)


@pytest.mark.parametrize(
    "key, before, after, on",
    [
        ("simple_procedure_fine_cap_citizen", Decimal("50"), Decimal("200"), date(2021, 7, 15)),
        ("simple_procedure_fine_cap_organisation", Decimal("1000"), Decimal("3000"), date(2021, 7, 15)),
        ("on_spot_collection_cap", Decimal("20"), Decimal("100"), date(2021, 7, 15)),
    ],
)
def test_amounts_change_on_the_day_the_new_law_takes_effect(key, before, after, on):
    from datetime import timedelta

    assert parameters.value(key, on=on - timedelta(days=1)) == before
    assert parameters.value(key, on=on) == after


def test_chongqing_hearing_thresholds_are_in_force_from_2023_03_01():
    assert parameters.value("hearing_large_fine_citizen", on=date(2023, 3, 1)) == Decimal("5000")
    assert parameters.value("hearing_large_fine_organisation", on=date(2026, 11, 25)) == Decimal("50000")
    with pytest.raises(parameters.NotInForce):
        parameters.value("hearing_large_fine_citizen", on=date(2023, 2, 28))
    v = parameters.version("hearing_large_fine_citizen", on=date(2024, 1, 1))
    assert "渝府令第354号" in v.source


def test_money_is_decimal_and_periods_are_integers():
    assert isinstance(parameters.value("late_fee_daily_rate", on=date(2026, 1, 1)), Decimal)
    assert parameters.value("hearing_request_period", on=date(2026, 1, 1)) == 5
    assert parameters.parameter("hearing_request_period").unit == "working_days"
    assert parameters.parameter("decision_time_limit").unit == "days"


def test_periods_count_working_days_or_days_with_holiday_roll_forward():
    # Five working days from Friday 2026-09-25 skip the weekend and the National Day holiday.
    assert parameters.period_end("hearing_request_period", start=date(2026, 9, 25)) == date(2026, 10, 9)
    # Fifteen days from 2026-09-20 end on 2026-10-05, a holiday: the period ends on the next working day.
    assert parameters.period_end("payment_period", start=date(2026, 9, 20)) == date(2026, 10, 8)
    # Two years of limitation.
    assert parameters.period_end("limitation_period", start=date(2024, 2, 29)) == date(2026, 2, 28)
    # Three months to apply to the court.
    assert parameters.period_end("court_application_period", start=date(2026, 1, 31)) == date(2026, 4, 30)


def test_unknown_parameter_is_an_error():
    with pytest.raises(KeyError):
        parameters.value("no_such_thing", on=date(2026, 1, 1))


def test_the_litigation_period_grew_from_three_to_six_months_on_2015_05_01():
    assert parameters.value("litigation_period", on=date(2015, 4, 30)) == 3
    assert parameters.value("litigation_period", on=date(2015, 5, 1)) == 6
    assert parameters.value("reconsideration_application_period", on=date(2026, 1, 1)) == 60
    assert parameters.describe("litigation_period", on=date(2026, 1, 1)).endswith("（行政诉讼法第四十六条）")
