"""Verified minutes refuse every change, whatever the code path; a correction may."""

import datetime

import pytest
from django.utils import timezone

from paragraf import factories
from paragraf.meetings.models import (
    AgendaItem,
    Attendance,
    Ballot,
    Conflict,
    Meeting,
    MinutesLocked,
    Motion,
    Paragraph,
    RecordedNote,
    Reservation,
    Vote,
    correcting,
)
from paragraf.meetings.services import number_paragraphs


@pytest.fixture
def verified(db):
    meeting = factories.meeting(state=Meeting.State.HELD)
    item = factories.item(meeting)
    factories.attach(item)
    member = factories.person()
    Attendance.objects.create(meeting=meeting, person=member)
    motion = Motion.objects.create(item=item, text="Bifall")
    motion.movers.add(member)
    vote = Vote.objects.create(item=item, question="Bifall?")
    Ballot.objects.create(vote=vote, person=member, choice=Ballot.Choice.YES)
    Reservation.objects.create(item=item, person=member)
    RecordedNote.objects.create(item=item, person=member, text="Anteckning")
    Conflict.objects.create(item=item, person=factories.person())
    number_paragraphs(meeting)
    meeting.minutes_verified_at = timezone.now()
    meeting.state = Meeting.State.MINUTES_VERIFIED
    meeting.save()
    return meeting


PARTS = [
    AgendaItem,
    Paragraph,
    Attendance,
    Motion,
    Vote,
    Ballot,
    Reservation,
    RecordedNote,
    Conflict,
]


@pytest.mark.parametrize("model", PARTS, ids=lambda m: m.__name__)
def test_every_part_of_the_minutes_refuses_to_be_saved(verified, model):
    obj = model.objects.first()
    with pytest.raises(MinutesLocked):
        obj.save()


@pytest.mark.parametrize("model", PARTS, ids=lambda m: m.__name__)
def test_every_part_of_the_minutes_refuses_to_be_deleted(verified, model):
    obj = model.objects.first()
    with pytest.raises(MinutesLocked):
        obj.delete()
    assert model.objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("model", PARTS, ids=lambda m: m.__name__)
def test_bulk_updates_and_deletes_are_refused_too(verified, model):
    with pytest.raises(MinutesLocked):
        model.objects.all().update(modified=timezone.now())
    with pytest.raises(MinutesLocked):
        model.objects.all().delete()


def test_the_meeting_refuses_changes_to_what_the_minutes_say(verified):
    verified.start += datetime.timedelta(hours=1)
    with pytest.raises(MinutesLocked):
        verified.save()
    with pytest.raises(MinutesLocked):
        verified.soft_delete()


def test_nothing_can_be_added_to_verified_minutes(verified):
    with pytest.raises(MinutesLocked):
        factories.item(verified, title="Smugglat ärende")


def test_the_notice_board_steps_are_still_allowed(verified):
    verified.state = Meeting.State.NOTICE_POSTED
    verified.notice_posted_at = timezone.now()
    verified.save(update_fields=["state", "notice_posted_at", "modified"])
    verified.refresh_from_db()
    assert verified.state == Meeting.State.NOTICE_POSTED


def test_a_correction_may_change_them(verified):
    paragraph = Paragraph.objects.get()
    paragraph.decision = "Rättat beslut"
    with correcting(verified):
        paragraph.save()
    assert Paragraph.objects.get().decision == "Rättat beslut"


def test_other_meetings_are_not_affected(verified):
    other = factories.meeting(verified.committee, hour=15, state=Meeting.State.HELD)
    item = factories.item(other)
    item.title = "Ändrad"
    item.save()
    assert AgendaItem.objects.get(pk=item.pk).title == "Ändrad"
