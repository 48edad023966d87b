"""Posting notices on the official notice board (anslagstavla, KL 8:9–12)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from paragraf.cases.models import DelegatedDecision
from paragraf.meetings.models import Meeting
from paragraf.noticeboard import deadlines
from paragraf.noticeboard.models import Notice


def _minutes_kept_at(meeting):
    body = meeting.committee.body
    return body.minutes_kept_at or body.name


def _notice(meeting, kind, verified_on, posted_on):
    # get_or_create: posting twice the same day (a double submit) makes one notice.
    notice, _created = Notice.objects.get_or_create(
        meeting=meeting,
        kind=kind,
        posted_on=posted_on,
        defaults={
            "committee_id": meeting.committee_id,
            "verified_on": verified_on,
            "appeal_until": deadlines.last_day_to_appeal(posted_on),
            "removed_on": deadlines.taken_down_on(posted_on),
            "minutes_kept_at": _minutes_kept_at(meeting),
        },
    )
    return notice


def post_notice(meeting, posted_on=None, kind=Notice.Kind.MINUTES):
    """Post the notice that the meeting's minutes are verified (or corrected) and,
    with the minutes, one for the delegated decisions reported at the meeting.

    `posted_on` (default today) may not be before the verification nor in the
    future. A notice later than the second day after verification (KL 8:12) is
    still posted, since the appeal period only starts when it is up; the
    dashboard shows it as overdue. Returns the notices posted.
    """
    posted_on = posted_on or timezone.localdate()
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.minutes_verified_at is None:
            raise ValidationError(
                _("A notice can only be posted for verified minutes."), code="not_verified"
            )
        verified_on = timezone.localdate(meeting.minutes_verified_at)
        if kind == Notice.Kind.CORRECTION:
            # A correction is announced the day it is made.
            verified_on = posted_on
        if posted_on < verified_on:
            raise ValidationError(
                _("The notice cannot go up before the minutes are verified."), code="early"
            )
        if posted_on > timezone.localdate():
            raise ValidationError(
                _("A notice is posted the day it goes up, not in advance."), code="future"
            )
        notices = [_notice(meeting, kind, verified_on, posted_on)]
        reported = DelegatedDecision.objects.filter(reported_at__meeting=meeting)
        if kind == Notice.Kind.MINUTES and reported.exists():
            notices.append(_notice(meeting, Notice.Kind.DELEGATED, verified_on, posted_on))
        if meeting.notice_posted_at is None:
            meeting.notice_posted_at = timezone.now()
            meeting.state = Meeting.State.NOTICE_POSTED
            meeting.save(update_fields=["state", "notice_posted_at", "modified"])
        return notices
