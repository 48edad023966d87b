"""Building the agenda (föredragningslista) and publishing the notice (kallelse).

Every change goes through a function here, each in one transaction. They
refuse changes to a meeting whose minutes are locked, with a Swedish reason,
and a change to an agenda that is already published (state kallat) marks the
meeting as changed (`agenda_changed_at`) and sends the renewed notice once.
"""

import datetime
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from paragraf.meetings import notify
from paragraf.meetings.models import (
    AgendaItem,
    AgendaItemDocument,
    Location,
    Meeting,
    MinutesLocked,
)
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
    agenda as changed afterwards (one renewed notice per call)."""
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
        if fresh.state == Meeting.State.NOTICE_PUBLISHED:
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


def _renumber(meeting):
    """Agenda numbers 1..n in order; items added at the meeting keep no number."""
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
    items = {item.pk: item for item in live_items(meeting)}
    positions = sorted(items[pk].position for pk in ordered_ids)
    offset = _next_position(meeting) + len(items)
    # Two steps, so no two items ever share a place on the way.
    for n, pk in enumerate(ordered_ids):
        AgendaItem.objects.filter(pk=pk).update(position=offset + n)
    for pk, position in zip(ordered_ids, positions, strict=True):
        AgendaItem.objects.filter(pk=pk).update(position=position)
    _renumber(meeting)


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


def add_item(
    meeting, *, title, case=None, presenter="", summary="", proposed_decision="", is_public=True
):
    """Add a free item, or an item for `case`, at the end of the agenda."""
    with _changing(meeting) as fresh:
        if case is not None and case.committee_id != fresh.committee_id:
            raise ValidationError(_("The case belongs to another committee."), code="case")
        return _create(
            fresh,
            title=title,
            case=case,
            presenter=presenter,
            summary=summary,
            proposed_decision=proposed_decision,
            is_public=is_public,
        )


def add_case_item(meeting, case):
    """An item for a case: title, summary (from the description), proposed decision
    and public flag come from the case."""
    return add_item(
        meeting,
        title=case.title,
        case=case,
        summary=case.description,
        proposed_decision=case.proposed_decision,
        is_public=case.is_public,
    )


def add_standard_item(meeting, key):
    """Add one of the standard items; opening items go before the other items."""
    if key not in STANDARD_ITEMS:
        raise ValidationError(_("There is no such standard item."), code="standard")
    with _changing(meeting) as fresh:
        item = _create(fresh, title=str(STANDARD_ITEMS[key]))
        if key in OPENING_ITEMS:
            opening_titles = {str(STANDARD_ITEMS[k]) for k in OPENING_ITEMS}
            order = [i for i in live_items(fresh) if i.pk != item.pk]
            at = 0
            while at < len(order) and order[at].title in opening_titles:
                at += 1
            ids = [i.pk for i in order]
            ids.insert(at, item.pk)
            _place(fresh, ids)
            item.refresh_from_db()
        return item


def move_item(item, direction):
    """Move an item one place up or down ("up"/"down"); at either end nothing moves."""
    if direction not in ("up", "down"):
        raise ValidationError(_("Choose up or down."), code="direction")
    with _changing(item.meeting) as fresh:
        ids = list(live_items(fresh).values_list("pk", flat=True))
        at = ids.index(item.pk)
        to = at - 1 if direction == "up" else at + 1
        if 0 <= to < len(ids):
            ids[at], ids[to] = ids[to], ids[at]
            _place(fresh, ids)


def reorder_items(meeting, ordered_ids):
    """Put the items in this order. The list must name every item of the meeting once."""
    with _changing(meeting) as fresh:
        current = list(live_items(fresh).values_list("pk", flat=True))
        if len(ordered_ids) != len(current) or set(ordered_ids) != set(current):
            raise ValidationError(
                _("The order must list every item of this meeting exactly once."), code="order"
            )
        _place(fresh, list(ordered_ids))


def update_item(item, **fields):
    """Change an item's title, presenter, summary, proposed decision or public flag."""
    allowed = {"title", "presenter", "summary", "proposed_decision", "is_public"}
    with _changing(item.meeting):
        stored = AgendaItem.objects.get(pk=item.pk)
        for name, value in fields.items():
            if name not in allowed:
                raise ValueError(name)
            setattr(stored, name, value)
        stored.save()
    item.refresh_from_db()
    return item


def set_item_public(item, is_public):
    return update_item(item, is_public=is_public)


def remove_item(item):
    """Take an item off the agenda (soft delete), unless it has been handled."""
    with _changing(item.meeting) as fresh:
        stored = AgendaItem.objects.get(pk=item.pk)
        if stored.state != AgendaItem.State.ON_AGENDA:
            raise ValidationError(
                _("An item that has been handled at the meeting cannot be removed."),
                code="handled",
            )
        stored.soft_delete()
        _renumber(fresh)


def set_document_public(meeting, document, is_public):
    """Mark a document of this meeting's agenda public or not."""
    with _changing(meeting):
        if document.is_public != is_public:
            document.is_public = is_public
            document.save(update_fields=["is_public", "modified"])


def attach_document(item, document):
    """Attach an existing document of the committee's cases to the item, at the end."""
    with _changing(item.meeting) as fresh:
        case = document.case
        if case is None or case.committee_id != fresh.committee_id:
            raise ValidationError(_("The document belongs to another committee."), code="doc")
        links = AgendaItemDocument.objects.filter(agenda_item=item)
        if links.filter(document=document).exists():
            return
        last = links.aggregate(m=Max("position"))["m"]
        AgendaItemDocument.objects.create(
            agenda_item=item, document=document, position=(last or 0) + 1
        )


def create_meeting(committee, *, start, end=None, location=None, new_location="", name=""):
    """A planned meeting; a new place is created from its description.

    The same meeting submitted twice (same committee, start, place and name)
    is found, not created again."""
    with transaction.atomic():
        if location is None and new_location.strip():
            location, _created = Location.objects.get_or_create(
                description=new_location.strip(), room="", street_address="", locality=""
            )
        meeting = Meeting(
            committee=committee,
            start=start,
            end=end,
            location=location,
            name=name,
            state=Meeting.State.PLANNED,
        )
        meeting.full_clean(exclude=["slug"])
        same = Meeting.objects.filter(
            committee=committee, start=start, location=location, name=name
        ).first()
        if same is not None:
            return same
        meeting.save()
        return meeting


def publish_agenda(meeting, by=None):
    """Publish the agenda and send the notice to members and substitutes.

    Only a planned meeting with at least one item can be published; a second
    call (double submit) is refused, so the notice goes out once.
    """
    with transaction.atomic():
        fresh = Meeting.all_objects.select_for_update().get(pk=meeting.pk)
        if fresh.state == Meeting.State.NOTICE_PUBLISHED:
            raise ValidationError(_("The agenda has already been published."), code="published")
        if fresh.state != Meeting.State.PLANNED or fresh.is_deleted:
            raise ValidationError(
                _("Only the agenda of a planned meeting can be published."), code="state"
            )
        if not live_items(fresh).exists():
            raise ValidationError(_("Add at least one item before publishing."), code="empty")
        fresh.state = Meeting.State.NOTICE_PUBLISHED
        fresh.notice_published_at = timezone.now().replace(microsecond=0)
        fresh.save(update_fields=["state", "notice_published_at", "modified"])
        report = notify.send_notice(fresh)
    meeting.refresh_from_db()
    return report
