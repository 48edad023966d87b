"""Creating a meeting and publishing its agenda with the notice (kallelse)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from paragraf.meetings import notify
from paragraf.meetings.models import Location, Meeting
from paragraf.meetings.services.agenda.changes import live_items


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
