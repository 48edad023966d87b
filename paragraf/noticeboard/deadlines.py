"""Dates of the notice board: when a notice must go up, the last day to appeal,
and when it comes down.

An appeal (laglighetsprövning) must reach the authority within three weeks
from the day the notice of verified minutes was posted (KL 13:5). A period
whose last day is a Saturday, Sunday, public holiday, Midsummer Eve, Christmas
Eve or New Year's Eve ends on the next weekday (lag 1930:173).
"""

import datetime

import holidays

APPEAL_PERIOD = datetime.timedelta(weeks=3)
# The notice goes up no later than the second day after justering (KL 8:12).
LATEST_POSTING = datetime.timedelta(days=2)


def _midsummer_eve(year):
    # The Friday between 19 and 25 June.
    day = datetime.date(year, 6, 19)
    return day + datetime.timedelta(days=(4 - day.weekday()) % 7)


def is_day_off(day):
    if day.weekday() >= 5:
        return True
    if day in holidays.Sweden(years=day.year):
        return True
    return day in (
        datetime.date(day.year, 12, 24),
        datetime.date(day.year, 12, 31),
        _midsummer_eve(day.year),
    )


def next_weekday(day):
    """The day itself, or the first following day that is not a day off."""
    while is_day_off(day):
        day += datetime.timedelta(days=1)
    return day


def last_day_to_appeal(posted_on):
    return next_weekday(posted_on + APPEAL_PERIOD)


def taken_down_on(posted_on):
    """The notice stays up until the appeal period has ended: it comes down the day after."""
    return last_day_to_appeal(posted_on) + datetime.timedelta(days=1)


def latest_posting_day(verified_on):
    return verified_on + LATEST_POSTING
