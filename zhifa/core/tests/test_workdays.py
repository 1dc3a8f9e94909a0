"""Working days as the law counts them."""

from datetime import date

from zhifa.core import workdays


def test_weekends_holidays_and_adjusted_working_days():
    assert workdays.is_working_day(date(2026, 11, 25))  # a Wednesday
    assert not workdays.is_working_day(date(2026, 11, 28))  # a Saturday
    assert not workdays.is_working_day(date(2026, 10, 1))  # National Day
    assert workdays.is_working_day(date(2026, 10, 10))  # a Saturday worked in exchange (调休)
    assert not workdays.is_working_day(date(2026, 2, 17))  # Spring Festival


def test_adding_working_days_excludes_the_day_of_the_act():
    assert workdays.add_working_days(date(2026, 11, 25), 0) == date(2026, 11, 25)
    assert workdays.add_working_days(date(2026, 11, 25), 1) == date(2026, 11, 26)
    assert workdays.add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 30)
    assert workdays.add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)  # after the National Day holiday


def test_working_days_between():
    assert workdays.working_days_between(date(2026, 11, 20), date(2026, 11, 27)) == 5
    assert workdays.working_days_between(date(2026, 11, 27), date(2026, 11, 20)) == -5


def test_years_not_yet_announced_are_provisional_and_count_weekdays():
    assert workdays.is_provisional(date(2027, 3, 1))
    assert not workdays.is_provisional(date(2026, 3, 1))
    assert workdays.is_working_day(date(2027, 3, 1))  # a Monday
    assert not workdays.is_working_day(date(2027, 3, 6))  # a Saturday
    # A period crossing into the provisional year keeps counting.
    assert workdays.add_working_days(date(2026, 12, 30), 3) == date(2027, 1, 4)


def test_add_days_rolls_forward_from_a_holiday():
    assert workdays.add_days(date(2026, 9, 20), 15) == date(2026, 10, 8)
    assert workdays.add_days(date(2026, 11, 10), 15) == date(2026, 11, 25)
