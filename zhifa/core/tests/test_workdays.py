"""Working days as the law counts them."""

from datetime import date, timedelta

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


def test_counting_by_the_year_tables_agrees_with_walking_day_by_day():
    """The tables (a bisect per count) give the day-by-day walk's answers, across years,
    holidays and adjusted weekends, backwards too."""
    import random

    def walk_between(a, b):
        if b < a:
            return -walk_between(b, a)
        count, d = 0, a
        while d < b:
            d += timedelta(days=1)
            count += workdays.is_working_day(d)
        return count

    def walk_add(a, n):
        d = a
        while n:
            d += timedelta(days=1)
            n -= workdays.is_working_day(d)
        return d

    rng = random.Random(13)
    for _ in range(500):
        a = date(1999, 6, 1) + timedelta(days=rng.randrange(11_000))
        b = a + timedelta(days=rng.randrange(-700, 700))
        n = rng.randrange(0, 300)
        assert workdays.working_days_between(a, b) == walk_between(a, b), (a, b)
        assert workdays.add_working_days(a, n) == walk_add(a, n), (a, n)
