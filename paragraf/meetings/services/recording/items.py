"""Items at the meeting: the decision text and outcome, added and withdrawn items."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from paragraf.meetings.models import AgendaItem
from paragraf.meetings.services.recording.attendance import require_held

State = AgendaItem.State
Outcome = AgendaItem.Outcome


class EditConflict(ValidationError):
    """Someone else saved the item after the form was loaded; `stored` is their version."""

    def __init__(self, stored):
        self.stored = stored
        super().__init__(
            _("Someone else changed the item while you were writing."), code="edit_conflict"
        )


def lock_item(item):
    """The item as stored, locked for this transaction, refused if it may not change."""
    stored = AgendaItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
    require_held(stored.meeting)
    if stored.verified_immediately_at:
        raise ValidationError(
            _("The paragraph is verified immediately and can no longer be changed."),
            code="verified",
        )
    return stored


@transaction.atomic
def save_item_decision(item, decision, outcome, expected_version):
    """Save the decision text and outcome, unless someone saved since `expected_version`.

    Outcome utgår withdraws the item; any other outcome marks it handled
    (an item added at the meeting stays added). Saving unchanged text
    changes nothing, so repeated autosaves do not raise the version.
    """
    stored = lock_item(item)
    if outcome and outcome not in Outcome.values:
        raise ValidationError(_("Choose one of the outcomes."), code="outcome")
    # Text identical to what is stored loses nothing, whatever version it
    # came from (e.g. a late autosave of what was just saved).
    if stored.decision == decision and stored.outcome == outcome:
        return stored
    if stored.version != expected_version:
        raise EditConflict(stored)
    stored.decision = decision
    stored.outcome = outcome
    if outcome == Outcome.WITHDRAWN:
        stored.state = State.WITHDRAWN
    elif outcome and stored.state != State.ADDED:
        stored.state = State.HANDLED
    stored.save()
    return stored


@transaction.atomic
def add_item_at_meeting(meeting, title, proposed_decision="", case=None, is_public=True):
    """Add an item at the meeting, after the last one. The same title submitted
    twice gives the one item."""
    require_held(meeting)
    title = title.strip()
    if not title:
        raise ValidationError(_("Give the item a title."), code="title")
    # Lock the meeting row so two additions do not take the same position.
    type(meeting).objects.select_for_update().filter(pk=meeting.pk).first()
    existing = AgendaItem.objects.filter(meeting=meeting, state=State.ADDED, title=title).first()
    if existing:
        return existing
    last = AgendaItem.all_objects.filter(meeting=meeting).aggregate(last=Max("position"))["last"]
    return AgendaItem.objects.create(
        meeting=meeting,
        position=(last or 0) + 1,
        title=title,
        proposed_decision=proposed_decision,
        decision=proposed_decision,
        case=case,
        is_public=is_public,
        state=State.ADDED,
    )


@transaction.atomic
def withdraw_item(item):
    """The item is withdrawn (utgår): it gets no paragraph number."""
    stored = lock_item(item)
    if stored.state == State.WITHDRAWN:
        return stored
    stored.state = State.WITHDRAWN
    stored.outcome = Outcome.WITHDRAWN
    stored.save()
    return stored


@transaction.atomic
def verify_immediately(item, by=None):
    """Verify a single handled paragraph at once (omedelbar justering)."""
    stored = AgendaItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
    require_held(stored.meeting)
    if stored.verified_immediately_at:
        return stored
    if stored.state not in AgendaItem.NUMBERED_STATES or not stored.outcome:
        raise ValidationError(
            _("Only a handled item with a decision can be verified immediately."),
            code="not_handled",
        )
    if stored.outcome == Outcome.WITHDRAWN:
        raise ValidationError(_("A withdrawn item cannot be verified."), code="withdrawn")
    stored.verified_immediately_at = timezone.now()
    stored.save()
    return stored
