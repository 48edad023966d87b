"""What every agenda change shares: the lock and state check, the renewed
notice after publishing, and keeping places and numbers in order."""

import datetime
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from paragraf.core.audit import record_change, snapshot
from paragraf.meetings import notify
from paragraf.meetings.models import AgendaItem, Meeting, MinutesLocked
from paragraf.meetings.signals import touch_meetings

# Standard items, by key. The first three open a meeting, the rest close it.
STANDARD_ITEMS = {
    "protokollsjustering": gettext_lazy("Verification of the minutes"),
    "foredragningslista": gettext_lazy("Adoption of the agenda"),
    "jav": gettext_lazy("Declaration of conflicts of interest"),
    "anmalningsarenden": gettext_lazy("Reported matters"),
    "informationsarenden": gettext_lazy("Information matters"),
    "ovriga-fragor": gettext_lazy("Other questions"),
}
OPENING_ITEMS = ["protokollsjustering", "foredragningslista", "jav"]

# After the meeting, items change through the recording of the meeting, not here.
EDITABLE_STATES = {Meeting.State.PLANNED, Meeting.State.NOTICE_PUBLISHED}


def _locked_message():
    return _("The minutes of this meeting are verified and locked: the agenda cannot be changed.")


@contextmanager
def _changing(meeting):
    """Lock the meeting row, refuse if it may not change, and mark a published
    agenda as changed afterwards (one renewed notice per call). A service that
    finds nothing to change (a double submit) sets `unchanged` on the meeting,
    and then no notice goes out."""
    with transaction.atomic():
        fresh = Meeting.all_objects.select_for_update().get(pk=meeting.pk)
        if fresh.minutes_locked:
            raise ValidationError(_locked_message(), code="minutes_locked")
        if fresh.state not in EDITABLE_STATES or fresh.is_deleted:
            raise ValidationError(
                _("The agenda of a %(state)s meeting cannot be changed.")
                % {"state": fresh.get_state_display()},
                code="not_editable",
            )
        try:
            yield fresh
        except MinutesLocked:
            raise ValidationError(_locked_message(), code="minutes_locked") from None
        if getattr(fresh, "unchanged", False):
            pass
        elif fresh.state == Meeting.State.NOTICE_PUBLISHED:
            _mark_changed(fresh)
        else:
            touch_meetings(Meeting.all_objects.filter(pk=fresh.pk))
    meeting.refresh_from_db()


def _mark_changed(meeting):
    now = timezone.now()
    # The calendar SEQUENCE is derived from this time in whole seconds, so each
    # change must move it by at least a second to update the invitation.
    previous = meeting.agenda_changed_at or meeting.notice_published_at
    if previous is not None:
        now = max(now, previous.replace(microsecond=0) + datetime.timedelta(seconds=1))
    meeting.agenda_changed_at = now
    meeting.save(update_fields=["agenda_changed_at", "modified"])
    notify.send_notice(meeting, changed=True)


def live_items(meeting):
    return AgendaItem.objects.filter(meeting=meeting).order_by("position")


@contextmanager
def _logged(meeting):
    """Positions and numbers are written with bulk updates, which the audit log's
    signals do not see: log each item that moved, with before and after."""
    before = {item.pk: (item, snapshot(item)) for item in live_items(meeting)}
    yield
    for item, snap in before.values():
        record_change(item, snap)


def _renumber(meeting):
    """Agenda numbers 1..n in order; items added at the meeting keep no number."""
    with _logged(meeting):
        _renumber_quietly(meeting)


def _renumber_quietly(meeting):
    n = 0
    for item in live_items(meeting):
        if item.state == AgendaItem.State.ADDED:
            continue
        n += 1
        if item.number != str(n):
            AgendaItem.objects.filter(pk=item.pk).update(number=str(n))


def _next_position(meeting):
    # Deleted items keep their place in the unique (meeting, position) pair.
    last = AgendaItem.all_objects.filter(meeting=meeting).aggregate(m=Max("position"))["m"]
    return (last or 0) + 1


def _place(meeting, ordered_ids):
    """Give the items these places, reusing the positions they hold between them."""
    with _logged(meeting):
        _place_quietly(meeting, ordered_ids)


def _place_quietly(meeting, ordered_ids):
    items = {item.pk: item for item in live_items(meeting)}
    positions = sorted(items[pk].position for pk in ordered_ids)
    offset = _next_position(meeting) + len(items)
    # Two steps, so no two items ever share a place on the way.
    for n, pk in enumerate(ordered_ids):
        AgendaItem.objects.filter(pk=pk).update(position=offset + n)
    for pk, position in zip(ordered_ids, positions, strict=True):
        AgendaItem.objects.filter(pk=pk).update(position=position)
    _renumber_quietly(meeting)


def _create(meeting, **fields):
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=_next_position(meeting),
        state=AgendaItem.State.ON_AGENDA,
        **fields,
    )
    _renumber(meeting)
    item.refresh_from_db()
    return item
