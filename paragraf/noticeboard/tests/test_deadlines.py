"""The last day to appeal and the day the notice comes down, for real dates."""

import datetime

import pytest

from paragraf.noticeboard.deadlines import (
    is_day_off,
    last_day_to_appeal,
    latest_posting_day,
    taken_down_on,
)

D = datetime.date

# posted on → last day to appeal
TABLE = [
    # A normal Wednesday: three weeks later is a Wednesday too.
    (D(2023, 2, 1), D(2023, 2, 22)),
    # Posted on a Friday; three weeks later is Epiphany (a Friday), then a weekend.
    (D(2022, 12, 16), D(2023, 1, 9)),
    # Good Friday 7 April, Easter Saturday, Easter Day and Easter Monday.
    (D(2023, 3, 17), D(2023, 4, 11)),
    # Midsummer Eve 23 June, Midsummer Day, Sunday.
    (D(2023, 6, 2), D(2023, 6, 26)),
    # Christmas Eve (a Tuesday), Christmas Day, Boxing Day.
    (D(2024, 12, 3), D(2024, 12, 27)),
    # New Year's Eve (a Tuesday) and New Year's Day.
    (D(2024, 12, 10), D(2025, 1, 2)),
    # Christmas Eve on a Sunday: Christmas and Boxing Day follow.
    (D(2023, 12, 3), D(2023, 12, 27)),
    # Ascension Day 2023 is Thursday 18 May.
    (D(2023, 4, 27), D(2023, 5, 19)),
    # National Day, 6 June 2023 (a Tuesday).
    (D(2023, 5, 16), D(2023, 6, 7)),
]


@pytest.mark.parametrize(("posted_on", "last_day"), TABLE)
def test_the_last_day_to_appeal_moves_past_weekends_and_holidays(posted_on, last_day):
    assert last_day_to_appeal(posted_on) == last_day


@pytest.mark.parametrize(("posted_on", "last_day"), TABLE)
def test_the_notice_comes_down_the_day_after_the_last_day(posted_on, last_day):
    assert taken_down_on(posted_on) == last_day + datetime.timedelta(days=1)


def test_eves_count_as_days_off_but_an_ordinary_weekday_does_not():
    assert is_day_off(D(2023, 6, 23))  # Midsummer Eve
    assert is_day_off(D(2024, 12, 24))  # Christmas Eve
    assert is_day_off(D(2024, 12, 31))  # New Year's Eve
    assert not is_day_off(D(2023, 2, 22))


def test_the_notice_goes_up_no_later_than_the_second_day_after_verification():
    assert latest_posting_day(D(2023, 2, 1)) == D(2023, 2, 3)
