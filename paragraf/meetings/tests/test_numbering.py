import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from paragraf import factories
from paragraf.meetings.models import AgendaItem, Paragraph, ParagraphCounter
from paragraf.meetings.services import number_paragraphs


def numbers(meeting):
    return list(
        Paragraph.objects.filter(agenda_item__meeting=meeting)
        .order_by("agenda_item__position")
        .values_list("number", flat=True)
    )


@pytest.fixture
def committee(db):
    return factories.committee()


def meeting_with(committee, day, states):
    meeting = factories.meeting(committee, day=day)
    for state in states:
        factories.item(meeting, state=state)
    return meeting


HANDLED = AgendaItem.State.HANDLED


def test_it_numbers_items_consecutively_in_agenda_order(committee):
    meeting = meeting_with(committee, datetime.date(2022, 3, 1), [HANDLED] * 4)
    number_paragraphs(meeting)
    assert numbers(meeting) == [1, 2, 3, 4]


def test_it_continues_from_the_committees_earlier_meetings_that_year(committee):
    first = meeting_with(committee, datetime.date(2022, 3, 1), [HANDLED] * 3)
    second = meeting_with(committee, datetime.date(2022, 4, 1), [HANDLED] * 2)
    number_paragraphs(first)
    number_paragraphs(second)
    assert numbers(second) == [4, 5]


def test_it_restarts_at_one_in_a_new_year(committee):
    december = meeting_with(committee, datetime.date(2022, 12, 14), [HANDLED] * 3)
    february = meeting_with(committee, datetime.date(2023, 2, 15), [HANDLED] * 2)
    number_paragraphs(december)
    number_paragraphs(february)
    assert numbers(february) == [1, 2]
    assert Paragraph.objects.get(agenda_item__meeting=february, number=1).year == 2023


def test_each_committee_has_its_own_numbers(committee):
    other = factories.committee(committee.body)
    ours = meeting_with(committee, datetime.date(2022, 3, 1), [HANDLED] * 2)
    theirs = meeting_with(other, datetime.date(2022, 3, 1), [HANDLED] * 2)
    number_paragraphs(ours)
    number_paragraphs(theirs)
    assert numbers(theirs) == [1, 2]


def test_withdrawn_items_get_no_number(committee):
    meeting = meeting_with(
        committee,
        datetime.date(2022, 3, 1),
        [HANDLED, AgendaItem.State.WITHDRAWN, HANDLED, AgendaItem.State.ON_AGENDA],
    )
    number_paragraphs(meeting)
    withdrawn = meeting.items.get(position=2)
    assert not Paragraph.objects.filter(agenda_item=withdrawn).exists()
    assert numbers(meeting) == [1, 2]


def test_an_item_added_at_the_meeting_is_numbered_in_its_place(committee):
    meeting = meeting_with(committee, datetime.date(2022, 3, 1), [HANDLED] * 3)
    factories.item(meeting, position=25, state=AgendaItem.State.ADDED)  # last
    meeting.items.filter(position=2).update(position=30)  # moved after it
    number_paragraphs(meeting)
    by_position = dict(
        Paragraph.objects.filter(agenda_item__meeting=meeting).values_list(
            "agenda_item__position", "number"
        )
    )
    assert by_position == {1: 1, 3: 2, 25: 3, 30: 4}


def test_numbers_once_given_never_change(committee):
    meeting = meeting_with(committee, datetime.date(2022, 3, 1), [HANDLED] * 2)
    number_paragraphs(meeting)
    factories.item(meeting, position=0, state=AgendaItem.State.ADDED)  # before the others
    created = number_paragraphs(meeting)
    assert [p.number for p in created] == [3]
    assert numbers(meeting) == [3, 1, 2]


def test_code_cannot_renumber_a_paragraph(committee):
    meeting = meeting_with(committee, datetime.date(2022, 3, 1), [HANDLED])
    paragraph = number_paragraphs(meeting)[0]
    paragraph.number = 7
    with pytest.raises(ValidationError):
        paragraph.save()
    assert Paragraph.objects.get(pk=paragraph.pk).number == 1


def test_numbering_again_changes_nothing(committee):
    meeting = meeting_with(committee, datetime.date(2022, 3, 1), [HANDLED] * 2)
    number_paragraphs(meeting)
    assert number_paragraphs(meeting) == []
    assert numbers(meeting) == [1, 2]


def test_numbers_entered_by_hand_are_continued(committee):
    old = meeting_with(committee, datetime.date(2022, 1, 20), [HANDLED])
    Paragraph.objects.create(agenda_item=old.items.get(), number=41)  # migrated minutes
    meeting = meeting_with(committee, datetime.date(2022, 3, 1), [HANDLED])
    number_paragraphs(meeting)
    assert numbers(meeting) == [42]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Row locks (SELECT ... FOR UPDATE) need PostgreSQL; `make test` runs this "
    "in its PostgreSQL leg, which CI requires.",
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_allocations_never_share_a_number():
    committee = factories.committee()
    meetings = [
        meeting_with(committee, datetime.date(2022, 3, day), [HANDLED] * 15) for day in (1, 2)
    ]
    # The year's counter exists already, as it does for every meeting but the
    # year's first: only the row lock can keep the two apart.
    ParagraphCounter.objects.create(committee=committee, year=2022)
    barrier = threading.Barrier(2)
    errors = []

    def allocate(meeting):
        try:
            barrier.wait(timeout=10)
            number_paragraphs(meeting)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=allocate, args=(m,)) for m in meetings]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    all_numbers = sorted(
        Paragraph.objects.filter(committee=committee).values_list("number", flat=True)
    )
    assert all_numbers == list(range(1, 31))
    # Each meeting got one unbroken run: the second waited for the first.
    runs = sorted(numbers(m) for m in meetings)
    assert runs == [list(range(1, 16)), list(range(16, 31))]
