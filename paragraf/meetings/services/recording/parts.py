"""Motions, reservations, recorded notes and conflicts of interest on an item.

Each refuses people who may not take that part, and an identical
resubmission returns the object already made instead of a second one.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from paragraf.meetings.models import Attendance, Ballot, Conflict, Motion, RecordedNote, Reservation
from paragraf.meetings.services.recording.attendance import serving_members
from paragraf.meetings.services.recording.items import lock_item


def _require_serving(item, people):
    serving = {person.pk for person in serving_members(item.meeting, item)}
    for person in people:
        if person.pk not in serving:
            raise ValidationError(
                _("%(person)s does not serve on this item.") % {"person": person},
                code="not_serving",
            )


@transaction.atomic
def add_motion(item, movers, text, position=None):
    """A motion (yrkande) by one or more serving members, put in `position` order."""
    item = lock_item(item)
    movers = list(movers)
    text = text.strip()
    if not text:
        raise ValidationError(_("Write the motion."), code="text")
    if not movers:
        raise ValidationError(_("Choose who makes the motion."), code="movers")
    _require_serving(item, movers)
    mover_ids = {person.pk for person in movers}
    for motion in Motion.objects.filter(item=item, text=text):
        if set(motion.movers.values_list("pk", flat=True)) == mover_ids:
            return motion
    if position is None:
        last = Motion.objects.filter(item=item).aggregate(last=Max("position"))["last"]
        position = (last or 0) + 1
    motion = Motion.objects.create(item=item, text=text, position=position)
    motion.movers.set(movers)
    return motion


@transaction.atomic
def add_reservation(item, person, against="", grounds=""):
    """A serving member dissents from the decision, optionally with written grounds."""
    item = lock_item(item)
    _require_serving(item, [person])
    reservation, _created = Reservation.objects.get_or_create(
        item=item, person=person, against=against.strip(), defaults={"grounds": grounds.strip()}
    )
    if grounds.strip() and reservation.grounds != grounds.strip():
        reservation.grounds = grounds.strip()
        reservation.save()
    return reservation


@transaction.atomic
def add_note(item, person, text):
    """A note (protokollsanteckning) by someone present at the meeting."""
    item = lock_item(item)
    text = text.strip()
    if not text:
        raise ValidationError(_("Write the note."), code="text")
    if not Attendance.objects.filter(meeting=item.meeting, person=person, present=True).exists():
        raise ValidationError(
            _("%(person)s is not present at the meeting.") % {"person": person},
            code="not_present",
        )
    note, _created = RecordedNote.objects.get_or_create(item=item, person=person, text=text)
    return note


@transaction.atomic
def declare_conflict(item, person, substitute=None):
    """The member has a conflict of interest (jäv): they leave the item and do not
    vote on it; a present substitute may serve in their place."""
    item = lock_item(item)
    if Ballot.objects.filter(vote__item=item, person=person).exists():
        raise ValidationError(
            _("%(person)s has already voted on this item. Remove the vote first.")
            % {"person": person},
            code="voted",
        )
    existing = Conflict.objects.filter(item=item, person=person).first()
    if existing is None:
        _require_serving(item, [person])
    if substitute is not None:
        if substitute.pk == person.pk:
            raise ValidationError(_("A member cannot substitute for themselves."), code="self")
        present = Attendance.objects.filter(meeting=item.meeting, person=substitute, present=True)
        if not present.exists():
            raise ValidationError(
                _("%(person)s is not present at the meeting.") % {"person": substitute},
                code="not_present",
            )
        serving = {p.pk for p in serving_members(item.meeting, item)}
        if substitute.pk in serving and not (existing and existing.substitute_id == substitute.pk):
            raise ValidationError(
                _("%(person)s already serves on this item.") % {"person": substitute},
                code="already_serving",
            )
    if existing is not None:
        if existing.substitute_id != (substitute.pk if substitute else None):
            existing.substitute = substitute
            existing.save()
        return existing
    return Conflict.objects.create(item=item, person=person, substitute=substitute)


@transaction.atomic
def remove_part(part):
    """Remove a motion, vote (with its ballots), reservation, note or conflict
    recorded by mistake, while the meeting is held."""
    lock_item(part.item)
    if hasattr(part, "ballots"):
        for ballot in part.ballots.all():
            ballot.delete()
    if hasattr(part, "movers"):
        part.movers.clear()
    part.delete()
