"""The notice (kallelse) by e-mail: a link to the meeting and a calendar invitation.

The messages are sent only when the surrounding transaction commits, so a
failed publication sends nothing.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from paragraf.organisation.models import Membership

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@dataclass
class NoticeReport:
    """Who the notice goes to, and how many could not get it (no e-mail address)."""

    sent: int
    skipped: int


def recipients(meeting):
    """Current members and substitutes, each person once; those without e-mail apart."""
    memberships = (
        Membership.objects.current(on=meeting.local_date)
        .filter(committee=meeting.committee, person__deleted_at__isnull=True)
        .select_related("person")
        .order_by("person__family_name", "person__given_name", "pk")
    )
    people = {}
    for membership in memberships:
        people.setdefault(membership.person.pk, membership.person)
    with_email = [p for p in people.values() if p.email]
    return with_email, len(people) - len(with_email)


def meeting_url(meeting):
    return settings.SITE_URL.rstrip("/") + meeting.get_absolute_url()


def sequence(meeting):
    """SEQUENCE of the invitation: 0 when published, then the seconds from
    publication to the latest change, so every change raises it."""
    if meeting.agenda_changed_at is None or meeting.notice_published_at is None:
        return 0
    return max(1, int((meeting.agenda_changed_at - meeting.notice_published_at).total_seconds()))


def calendar(meeting, attendee=None):
    """The iCalendar invitation (METHOD:REQUEST) for the meeting, as bytes."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Paragraf//Kallelse//SV")
    cal.add("version", "2.0")
    cal.add("method", "REQUEST")
    event = icalendar.Event()
    host = urlsplit(settings.SITE_URL).hostname or "paragraf"
    # Stable per meeting, so a changed notice updates the same calendar entry.
    event.add("uid", f"meeting-{meeting.pk}@{host}")
    event.add("sequence", sequence(meeting))
    event.add("dtstamp", timezone.now())
    start = timezone.localtime(meeting.start, STOCKHOLM)
    event.add("dtstart", start)
    end = meeting.end or meeting.start + datetime.timedelta(hours=2)
    event.add("dtend", timezone.localtime(end, STOCKHOLM))
    event.add("summary", _("%(committee)s meeting") % {"committee": meeting.committee.name})
    if meeting.location:
        event.add("location", _location_text(meeting.location))
    event.add("url", meeting_url(meeting))
    event.add("organizer", f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    if attendee is not None:
        event.add(
            "attendee",
            f"mailto:{attendee.email}",
            parameters={"CN": attendee.name, "ROLE": "REQ-PARTICIPANT"},
        )
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def _location_text(location):
    parts = [location.description, location.room, location.street_address, location.locality]
    return ", ".join(p for p in parts if p)


def _message(meeting, person, changed, connection):
    context = {
        "meeting": meeting,
        "committee": meeting.committee,
        "person": person,
        "url": meeting_url(meeting),
        "changed": changed,
        "location": _location_text(meeting.location) if meeting.location else "",
    }
    if changed:
        subject = _("Changed notice: %(committee)s, %(date)s")
    else:
        subject = _("Notice: %(committee)s, %(date)s")
    subject = subject % {
        "committee": meeting.committee.name,
        "date": date_format(timezone.localtime(meeting.start), "j F Y"),
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("email/notice.txt", context),
        to=[person.email],
        connection=connection,
    )
    message.attach_alternative(render_to_string("email/notice.html", context), "text/html")
    message.attach("kallelse.ics", calendar(meeting, person), "text/calendar; method=REQUEST")
    return message


def send_notice(meeting, changed=False):
    """E-mail the notice to every current member and substitute with an e-mail
    address, once the transaction commits. Returns how many get it and how many
    were skipped for want of an address."""
    people, skipped = recipients(meeting)
    meeting_pk = meeting.pk

    def send():
        from paragraf.meetings.models import Meeting

        fresh = Meeting.all_objects.select_related("committee", "location").get(pk=meeting_pk)
        connection = get_connection()
        connection.send_messages([_message(fresh, p, changed, connection) for p in people])

    transaction.on_commit(send)
    return NoticeReport(sent=len(people), skipped=skipped)
