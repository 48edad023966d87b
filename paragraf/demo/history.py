"""The demo committee's other meetings: 2022 before the seed, 2023, and one to come.

Their items are generated from the invented lists in `topics` and
`special_items`. What matters is that the 2022 meetings before 14 December hold
§ 1–§ 91 between them, with one withdrawn item, one item added at the meeting
and one item that is not public.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import chain, zip_longest

from paragraf.demo import special_items, topics
from paragraf.demo.topics import RTN, DemoItem

# (meeting day, how many § it holds, verifiers, month of its period report)
MEETINGS_2022 = [
    (date(2022, 2, 16), 10, ("Ingrid Sundelius", "Mikael Tornberg"), "januari"),
    (date(2022, 3, 23), 12, ("Johan Berglöf", "Eva Granqvist"), "februari"),
    (date(2022, 4, 27), 11, ("Amira Haddad", "Kenneth Öberg"), "mars"),
    (date(2022, 6, 8), 13, ("Tomas Wiklander", "Sofia Lindmark"), "maj"),
    (date(2022, 8, 31), 9, ("Björn Hellsten", "Elin Rydén"), "juli"),
    (date(2022, 9, 28), 12, ("Ingrid Sundelius", "Kenneth Öberg"), "augusti"),
    (date(2022, 10, 19), 11, ("Johan Berglöf", "Mikael Tornberg"), "september"),
    (date(2022, 11, 16), 13, ("Amira Haddad", "Eva Granqvist"), "oktober"),
]
# Every meeting has these: justering, period report, news, reported decisions.
STANDARD_ITEMS = 4

MEETING_2023 = date(2023, 2, 15)
VERIFIERS_2023 = ("Patrik Sahlström", "Jonas Kärrman")


@dataclass(frozen=True)
class MeetingPlan:
    day: date
    items: list[DemoItem]
    verifiers: tuple[str, ...] = ()


def verification(verifiers=None):
    """The Protokollsjustering item; the minutes name the verifiers once chosen."""
    proposal = f"{RTN} utse två ledamöter att jämte ordföranden justera dagens protokoll."
    if not verifiers:
        return DemoItem("Protokollsjustering", proposed_decision=proposal, state="pa_listan")
    decision = (
        f"{RTN} utse {verifiers[0]} och {verifiers[1]} att jämte ordföranden justera "
        "dagens protokoll."
    )
    return DemoItem("Protokollsjustering", proposed_decision=proposal, decision=decision)


def _generated():
    """(factory, data) pairs for the generated items, kinds taken in turn."""
    kinds = [
        [(topics.operating_grant, org) for org in topics.ORGANISATIONS],
        [(topics.project, org) for org in reversed(topics.ORGANISATIONS)],
        [(topics.consultation, subject) for subject in topics.CONSULTATIONS],
        [(topics.information, subject) for subject in topics.INFORMATION_TOPICS],
    ]
    return [pair for pair in chain.from_iterable(zip_longest(*kinds)) if pair]


def plans_2022():
    """The 2022 meetings before the seed meeting, in date order."""
    generated = iter(_generated())
    plans = []
    for index, (day, paragraphs, verifiers, month) in enumerate(MEETINGS_2022):
        special = special_items.SPECIAL_2022.get(index, [])
        withdrawn = special_items.WITHDRAWN_2022.get(index)
        added = special_items.ADDED_2022.get(index)
        count = paragraphs - STANDARD_ITEMS - len(special) - (1 if added else 0)
        items = [verification(verifiers)]
        items += [make(day, data) for make, data in (next(generated) for _ in range(count))]
        items += special
        items += [withdrawn] if withdrawn else []
        items += [
            topics.period_report(month, day.year),
            topics.NEWS,
            topics.reports(special_items.DELEGATED_2022[index]),
        ]
        items += [added] if added else []
        plans.append(MeetingPlan(day, items, verifiers))
    return plans


def plan_2023():
    items = [verification(VERIFIERS_2023), *special_items.ITEMS_2023]
    return MeetingPlan(MEETING_2023, items, VERIFIERS_2023)


def upcoming_plan(today):
    """A meeting on the first Wednesday at least a week after today."""
    day = today + timedelta(days=7)
    day += timedelta(days=(2 - day.weekday()) % 7)
    return MeetingPlan(day, [verification(), *special_items.upcoming_items(day)])


def planned_plan(today):
    """A meeting in preparation, four weeks after the upcoming one: agenda not yet out."""
    day = upcoming_plan(today).day + timedelta(weeks=4)
    return MeetingPlan(day, [verification(), *special_items.upcoming_items(day)[:2]])
