"""Meetings as iCalendar feeds (RFC 5545) to subscribe to: per committee, and all.

Each meeting keeps the UID of the invitation members get by e-mail
(meetings.notify), so a member's calendar sees one event, not two.
"""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from paragraf.feeds.versions import Version, conditional, latest_change
from paragraf.meetings import notify
from paragraf.meetings.models import Meeting
from paragraf.portal.lookups import public_committee, public_meeting

STOCKHOLM = ZoneInfo("Europe/Stockholm")
CONTENT_TYPE = "text/calendar; charset=utf-8"
# How often a calendar program should look again.
REFRESH = datetime.timedelta(hours=1)
DEFAULT_LENGTH = datetime.timedelta(hours=2)


def uid(meeting):
    """The same UID as the e-mailed invitation's (notify.calendar)."""
    host = urlsplit(settings.SITE_URL).hostname or "paragraf"
    return f"meeting-{meeting.pk}@{host}"


def sequence(meeting):
    """Never below the invitation's SEQUENCE, and raised by every change of the
    meeting (its `modified`), such as a new time or place: whole seconds since
    the notice was published (or the meeting created)."""
    since = meeting.notice_published_at or meeting.created
    seconds = int((meeting.modified - since).total_seconds())
    return max(notify.sequence(meeting), seconds, 0)


def window_start(today=None):
    """The oldest meetings shown: from 1 January last year. Older ones are on the
    committee's page and in the OParl API."""
    today = today or timezone.localdate()
    return datetime.datetime(today.year - 1, 1, 1, tzinfo=STOCKHOLM)


def meetings(committee=None):
    """Meetings the public may see (published, held or cancelled; never planned)."""
    listed = (
        Meeting.objects.listed()
        .filter(committee__deleted_at__isnull=True, start__gte=window_start())
        .select_related("committee", "location")
        .order_by("start", "pk")
    )
    return listed.filter(committee=committee) if committee is not None else listed


def place(location):
    parts = [location.description, location.room, location.street_address, location.locality]
    return ", ".join(part for part in parts if part)


def event(meeting, request):
    url = request.build_absolute_uri(meeting.get_absolute_url())
    title = _("%(committee)s meeting") % {"committee": meeting.committee.name}
    cancelled = meeting.state == Meeting.State.CANCELLED
    vevent = icalendar.Event()
    vevent.add("uid", uid(meeting))
    vevent.add("sequence", sequence(meeting))
    # Without METHOD, DTSTAMP is when the event was last revised (RFC 5545 3.8.7.2).
    vevent.add("dtstamp", meeting.modified.astimezone(datetime.UTC))
    vevent.add("last-modified", meeting.modified.astimezone(datetime.UTC))
    vevent.add("created", (meeting.notice_published_at or meeting.created).astimezone(datetime.UTC))
    vevent.add("dtstart", timezone.localtime(meeting.start, STOCKHOLM))
    end = meeting.end if meeting.end and meeting.end > meeting.start else None
    vevent.add("dtend", timezone.localtime(end or meeting.start + DEFAULT_LENGTH, STOCKHOLM))
    vevent.add("summary", _("Cancelled: %(title)s") % {"title": title} if cancelled else title)
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    vevent.add("class", "PUBLIC")
    vevent.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    if meeting.location is not None:
        vevent.add("location", place(meeting.location))
    vevent.add("url", url)
    lines = [meeting.name, capfirst(meeting.get_state_display()), url]
    vevent.add("description", "\n".join(line for line in lines if line))
    vevent.add("categories", [meeting.committee.name])
    return vevent


def calendar(meetings_, name, request):
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Paragraf//Sammanträden//SV")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Stockholm")
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", icalendar.vDuration(REFRESH))
    for meeting in meetings_:
        cal.add_component(event(meeting, request))
    cal.add_missing_timezones()
    return cal.to_ical()


def _respond(body, filename):
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_version(committee=None, **kwargs):
    """The data's version, and the new year, when last year's January drops out."""
    version = latest_change(committee)
    start = window_start()
    turn = start.replace(year=start.year + 1)
    stamps = [stamp for stamp in (version.last_modified, turn) if stamp is not None]
    return Version(max(stamps), f"{version.key}|{window_start().date()}")


@conditional(calendar_version)
def all_meetings(request):
    name = _("Meetings of all committees")
    return _respond(calendar(meetings(), name, request), "sammantraden.ics")


@conditional(calendar_version)
def committee_meetings(request, committee):
    committee = public_committee(committee)
    name = _("Meetings of %(committee)s") % {"committee": committee.name}
    return _respond(
        calendar(meetings(committee), name, request), f"sammantraden-{committee.slug}.ics"
    )


@conditional(calendar_version)
def one_meeting(request, committee, meeting):
    """One meeting to add to a calendar; the same UID as in the subscriptions,
    so a later subscription updates it instead of adding a second one."""
    meeting = public_meeting(committee, meeting)
    name = _("Meetings of %(committee)s") % {"committee": meeting.committee.name}
    filename = f"{meeting.committee.slug}-{meeting.slug}.ics"
    return _respond(calendar([meeting], name, request), filename)
