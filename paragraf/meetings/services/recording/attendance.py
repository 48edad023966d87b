"""Who is at the meeting, who serves (tjänstgör) on which item, who verifies."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from paragraf.meetings.models import Attendance, Conflict, Meeting
from paragraf.organisation.models import Membership, Person

VOTING_ROLES = [
    Membership.Role.CHAIR,
    Membership.Role.FIRST_VICE_CHAIR,
    Membership.Role.SECOND_VICE_CHAIR,
    Membership.Role.MEMBER,
]


def require_held(meeting):
    """Recording is only possible while the meeting is held and not yet verified."""
    if meeting.minutes_locked:
        # Not "not started": the reader must learn that the way now is a correction.
        raise ValidationError(
            _("The minutes are verified: make a correction instead."), code="verified"
        )
    if meeting.state != Meeting.State.HELD:
        raise ValidationError(
            _("The meeting has not been started, so nothing can be recorded yet."),
            code="not_held",
        )
    if meeting.closed_at is not None:
        # The minutes are being written from what was recorded: change them there.
        raise ValidationError(
            _("The meeting is closed: change the minutes instead."), code="closed"
        )


def memberships(meeting):
    return Membership.objects.current(on=meeting.local_date).filter(committee=meeting.committee)


def voting_member_ids(meeting):
    voting = memberships(meeting).filter(role__in=VOTING_ROLES)
    return set(voting.values_list("person_id", flat=True))


def default_chair(meeting):
    chair = memberships(meeting).filter(role=Membership.Role.CHAIR).first()
    return chair.person if chair else None


@transaction.atomic
def start_meeting(meeting):
    """Open the meeting (kallat → genomfört) and list who should be there.

    Members with a vote are listed as present, substitutes as listed but not
    serving. Starting an already started meeting changes nothing.
    """
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.state == Meeting.State.HELD:
        return meeting
    if meeting.state != Meeting.State.NOTICE_PUBLISHED:
        raise ValidationError(
            _("Only a meeting whose notice is published can be started (it is %(state)s).")
            % {"state": meeting.get_state_display()},
            code="wrong_state",
        )
    voting = voting_member_ids(meeting)
    for membership in memberships(meeting).select_related("person"):
        Attendance.objects.get_or_create(
            meeting=meeting,
            person=membership.person,
            defaults={"present": membership.person_id in voting},
        )
    meeting.state = Meeting.State.HELD
    if meeting.chair_id is None:
        meeting.chair = default_chair(meeting)
    meeting.save()
    return meeting


def _conflicted(person, item):
    return item is not None and Conflict.objects.filter(item=item, person=person).exists()


@transaction.atomic
def set_attendance(meeting, person, present, serving_for=None, serving_from=None, note=None):
    """Mark `person` present or absent; a substitute may serve for an absent
    member (or one with a conflict on `serving_from`) from that item on."""
    require_held(meeting)
    voting = voting_member_ids(meeting)
    if serving_from is not None and serving_from.meeting_id != meeting.pk:
        raise ValidationError(_("The item belongs to another meeting."), code="other_meeting")
    others = Attendance.objects.filter(meeting=meeting).exclude(person=person)
    if serving_for is not None:
        if serving_for.pk == person.pk:
            raise ValidationError(_("A person cannot serve for themselves."), code="self")
        if person.pk in voting:
            raise ValidationError(
                _("%(person)s is a member and cannot serve for someone else.") % {"person": person},
                code="member_substitutes",
            )
        if serving_for.pk not in voting:
            raise ValidationError(
                _("%(person)s is not a member with a vote in the committee.")
                % {"person": serving_for},
                code="not_member",
            )
        if not present:
            raise ValidationError(
                _("A substitute who serves must be present."), code="absent_substitute"
            )
        seat = others.filter(person=serving_for).first()
        if seat is not None and seat.present and not _conflicted(serving_for, serving_from):
            raise ValidationError(
                _(
                    "%(member)s is present. A substitute can only serve for an absent member "
                    "or for a member who has a conflict of interest on the item."
                )
                % {"member": serving_for},
                code="member_present",
            )
        if others.filter(serving_for=serving_for, present=True).exists():
            raise ValidationError(
                _("Another substitute already serves for %(member)s.") % {"member": serving_for},
                code="seat_taken",
            )
    if present and person.pk in voting:
        replaced = others.filter(serving_for=person, present=True, serving_from__isnull=True)
        if replaced.exists():
            raise ValidationError(
                _("%(member)s is replaced by a substitute. End the substitution first.")
                % {"member": person},
                code="replaced",
            )
    fields = {
        "present": present,
        "serving_for": serving_for,
        "serving_from": serving_from if serving_for else None,
    }
    if note is not None:
        fields["note"] = note
    attendance, _created = Attendance.objects.update_or_create(
        meeting=meeting, person=person, defaults=fields
    )
    return attendance


def serving_members(meeting, item):
    """The people with a vote on `item`, in name order.

    Present members with a vote, plus substitutes serving (from this item or
    an earlier one) for an absent member, minus members with a conflict of
    interest on the item, plus the substitute named for such a conflict.
    """
    voting = voting_member_ids(meeting)
    rows = list(
        Attendance.objects.filter(meeting=meeting).select_related("serving_from", "serving_for")
    )
    present_ids = {row.person_id for row in rows if row.present}
    ids = {row.person_id for row in rows if row.present and row.person_id in voting}
    for row in rows:
        if not row.present or row.serving_for_id is None:
            continue
        if row.serving_from is not None and row.serving_from.position > item.position:
            continue
        if row.serving_for_id in present_ids and row.serving_for_id not in _conflict_ids(item):
            continue
        ids.add(row.person_id)
    for conflict in Conflict.objects.filter(item=item):
        ids.discard(conflict.person_id)
        if conflict.substitute_id:
            ids.add(conflict.substitute_id)
    return list(Person.objects.filter(pk__in=ids))


def _conflict_ids(item):
    return set(Conflict.objects.filter(item=item).values_list("person_id", flat=True))


def serving_at_meeting(meeting):
    """People with a vote on at least one item (or at the meeting, without items)."""
    items = list(meeting.items.exclude(state="utgar"))
    if not items:
        return list(
            Person.objects.filter(
                pk__in=voting_member_ids(meeting),
                attendances__meeting=meeting,
                attendances__present=True,
            )
        )
    ids = set()
    for item in items:
        ids.update(person.pk for person in serving_members(meeting, item))
    return list(Person.objects.filter(pk__in=ids))


@transaction.atomic
def choose_verifiers(meeting, people, place, time, chair=None):
    """Choose the two verifiers (justerare) and when and where they verify.

    `chair` is who chairs this meeting (by default the committee's chair);
    they sign the minutes, have the casting vote and cannot verify.
    """
    require_held(meeting)
    people = list({person.pk: person for person in people}.values())
    if len(people) != 2:
        raise ValidationError(_("Choose exactly two verifiers."), code="two")
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    serving = {person.pk for person in serving_at_meeting(meeting)}
    if chair is not None:
        if chair.pk not in serving:
            raise ValidationError(
                _("%(person)s does not serve at the meeting and cannot chair it.")
                % {"person": chair},
                code="chair_not_serving",
            )
        meeting.chair = chair
    elif meeting.chair_id is None:
        meeting.chair = default_chair(meeting)
    for person in people:
        if person.pk == meeting.chair_id:
            raise ValidationError(
                _("The chair signs the minutes and cannot also verify them."), code="chair"
            )
        if person.pk not in serving:
            raise ValidationError(
                _("%(person)s does not serve at the meeting and cannot verify the minutes.")
                % {"person": person},
                code="not_serving",
            )
    meeting.verification_place = place
    meeting.verification_time = time
    meeting.save()
    meeting.verifiers.set(people)
    return meeting
