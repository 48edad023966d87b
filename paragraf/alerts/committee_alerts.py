"""A committee's news for its subscribers: a published agenda (kallelse), and
verified minutes posted on the notice board (or corrected).

What a message says of the meeting comes from paragraf/portal/rows.py, so it
shows exactly what the public pages show: non-public items are left out.
"""

import datetime
import logging

from django.core.mail import get_connection
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from paragraf.alerts import mail
from paragraf.alerts.delivery import deliver
from paragraf.alerts.models import Subscription
from paragraf.alerts.tokens import absolute
from paragraf.meetings.models import Meeting
from paragraf.noticeboard.models import Notice
from paragraf.portal.rows import rows_for

logger = logging.getLogger(__name__)

AGENDA = "kallelse"
MINUTES = "protokoll"
CORRECTION = "rattelse"
SUBJECTS = {
    AGENDA: lambda: _("New agenda: %(committee)s, %(date)s"),
    MINUTES: lambda: _("Minutes verified: %(committee)s, %(date)s"),
    CORRECTION: lambda: _("Minutes corrected: %(committee)s, %(date)s"),
}


def _public_meeting(meeting_id):
    return (
        Meeting.objects.published()
        .filter(pk=meeting_id, committee__deleted_at__isnull=True)
        .select_related("committee", "location")
        .first()
    )


def _event(event, meeting, notice_id):
    """(key, when it happened, notice) of the event, or None if the public may
    not (or no longer) see it."""
    if event == AGENDA:
        if meeting.notice_published_at is None:
            return None
        return f"{AGENDA}:{meeting.pk}", meeting.notice_published_at, None
    notice = Notice.objects.filter(pk=notice_id, meeting=meeting).first()
    if notice is None or not meeting.has_verified_minutes:
        return None
    if event == MINUTES:
        return f"{MINUTES}:{meeting.pk}", notice.created, notice
    return f"{CORRECTION}:{notice.pk}", notice.created, notice


def _context(event, meeting, notice):
    kwargs = {"committee": meeting.committee.slug, "meeting": meeting.slug}
    rows = [row for row in rows_for(meeting) if row.visible]
    if event == AGENDA:
        rows = [row for row in rows if not row.withdrawn]
    else:
        rows = [row for row in rows if row.paragraph is not None]
    for row in rows:
        row.absolute_url = absolute(row.paragraph.url if event != AGENDA else row.url)
    return {
        "event": event,
        "meeting": meeting,
        "committee": meeting.committee,
        "notice": notice,
        "rows": rows,
        "meeting_url": absolute(meeting.get_absolute_url()),
        "minutes_url": absolute(reverse("portal:minutes_pdf", kwargs=kwargs)),
        "board_url": absolute(reverse("noticeboard:board")),
    }


def _subject(event, meeting):
    def subject():
        date = date_format(timezone.localtime(meeting.start), "j F Y")
        return SUBJECTS[event]() % {"committee": meeting.committee.name, "date": date}

    return subject


def send_committee_alerts(event, meeting_id, notice_id=None):
    """One message per confirmed subscriber of the meeting's committee who
    subscribed before the event; each subscriber gets each event once.
    Returns how many were sent."""
    meeting = _public_meeting(meeting_id)
    found = _event(event, meeting, notice_id) if meeting is not None else None
    if found is None:
        return 0
    key, happened, notice = found
    subscribers = Subscription.objects.confirmed().filter(
        kind=Subscription.Kind.COMMITTEE,
        committee=meeting.committee,
        # Publication times are stored in whole seconds.
        confirmed_at__lt=happened + datetime.timedelta(seconds=1),
    )
    connection = get_connection()
    contexts = {}
    sent = 0
    for subscription in subscribers:
        # The links in the rows follow the language of the subscriber.
        language = subscription.language
        if language not in contexts:
            with translation.override(language):
                contexts[language] = _context(event, meeting, notice)
        context = contexts[language]

        def build(subscription=subscription, context=context):
            return mail.alert(
                subscription, _subject(event, meeting), "committee", context, connection
            )

        sent += deliver(subscription, [key], build)
    return sent
