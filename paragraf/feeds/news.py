"""RSS 2.0 and Atom feeds of what is new: published agendas (kallelser), verified
minutes and postings on the official notice board (anslag).

What the public may see is decided by the models' querysets (published,
with_verified_minutes) and the notice board's own list; this module only
merges the newest of each into one feed.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from paragraf.feeds.calendars import STOCKHOLM, place
from paragraf.meetings.models import Meeting
from paragraf.noticeboard.models import Notice
from paragraf.organisation.models import Body
from paragraf.portal.lookups import public_committee

FEED_LENGTH = 50


@dataclass
class Entry:
    kind: str
    pk: int
    title: str
    link: str
    text: str
    date: datetime.datetime
    committee: str


def _day(moment):
    return date_format(timezone.localtime(moment, STOCKHOLM), "j F Y")


def _guid(kind, pk):
    # A tag URI (RFC 4151): the same entry keeps its id whatever its title or link.
    host = urlsplit(settings.SITE_URL).hostname or "paragraf"
    return f"tag:{host},2022:paragraf/{kind}/{pk}"


def _meetings(committee):
    meetings = Meeting.objects.filter(committee__deleted_at__isnull=True).select_related(
        "committee", "location"
    )
    return meetings.filter(committee=committee) if committee is not None else meetings


def agenda_entries(committee=None):
    published = (
        _meetings(committee)
        .published()
        .annotate(shown=Coalesce("notice_published_at", "created"))
        .order_by("-shown", "-pk")[:FEED_LENGTH]
    )
    for meeting in published:
        values = {"committee": meeting.committee.name, "date": _day(meeting.start)}
        local = timezone.localtime(meeting.start, STOCKHOLM)
        lines = [
            _("Meeting on %(date)s at %(time)s.")
            % {"date": values["date"], "time": date_format(local, "H.i")},
            place(meeting.location) if meeting.location else "",
            meeting.name,
            _("The agenda and its public documents are on the meeting's page."),
        ]
        yield Entry(
            kind="kallelse",
            pk=meeting.pk,
            title=_("Notice: %(committee)s, %(date)s") % values,
            link=meeting.get_absolute_url(),
            text="\n".join(line for line in lines if line),
            date=meeting.shown,
            committee=meeting.committee.name,
        )


def minutes_entries(committee=None):
    verified = (
        _meetings(committee)
        .with_verified_minutes()
        .annotate(shown=Coalesce("minutes_verified_at", "modified"))
        .order_by("-shown", "-pk")[:FEED_LENGTH]
    )
    for meeting in verified:
        values = {"committee": meeting.committee.name, "date": _day(meeting.start)}
        yield Entry(
            kind="protokoll",
            pk=meeting.pk,
            title=_("Minutes: %(committee)s, %(date)s") % values,
            link=meeting.get_absolute_url() + "#protokoll",
            text=_("The minutes of the meeting on %(date)s have been verified.") % values,
            date=meeting.shown,
            committee=meeting.committee.name,
        )


def _posted_at(notice):
    """When the notice went up: its creation, or the start of the day it was
    posted when it was entered on another day."""
    created = timezone.localtime(notice.created, STOCKHOLM)
    if created.date() == notice.posted_on:
        return created
    return datetime.datetime.combine(notice.posted_on, datetime.time(), tzinfo=STOCKHOLM)


def board_entries(committee=None):
    today = timezone.localdate()
    posted = (Notice.objects.current(today) | Notice.objects.archived(today)).shown()
    if committee is not None:
        posted = posted.filter(committee=committee)
    for notice in posted.order_by("-posted_on", "-pk")[:FEED_LENGTH]:
        values = {
            "committee": notice.committee.name,
            "kind": notice.get_kind_display(),
            "date": _day(notice.meeting.start),
            "posted": date_format(notice.posted_on, "j F Y"),
            "until": date_format(notice.appeal_until, "j F Y"),
            "kept": notice.minutes_kept_at,
        }
        text = _(
            "Posted on the official notice board on %(posted)s. The decisions can be "
            "appealed until %(until)s. The minutes are kept at: %(kept)s."
        )
        yield Entry(
            kind="anslag",
            pk=notice.pk,
            title=_("Notice board: %(committee)s, %(kind)s of %(date)s") % values,
            link=reverse("noticeboard:board"),
            text=text % values,
            date=_posted_at(notice),
            committee=notice.committee.name,
        )


def entries(committee=None):
    merged = [
        *agenda_entries(committee),
        *minutes_entries(committee),
        *board_entries(committee),
    ]
    merged.sort(key=lambda entry: (entry.date, entry.kind, entry.pk), reverse=True)
    return merged[:FEED_LENGTH]


class NewsFeed(Feed):
    """RSS 2.0. One instance serves every request: nothing per request on self."""

    feed_type = Rss201rev2Feed
    url_name = "feeds:rss"

    def get_object(self, request, committee=None):
        return public_committee(committee) if committee is not None else None

    def title(self, committee):
        if committee is None:
            return _("All committees: notices, minutes and notice board")
        return _("%(committee)s: notices, minutes and notice board") % {"committee": committee.name}

    def description(self, committee):
        return _(
            "New agendas with their notices, verified minutes and postings on the "
            "official notice board."
        )

    def subtitle(self, committee):
        return self.description(committee)

    def author_name(self, committee):
        body = Body.objects.site_body()
        return body.name if body is not None else "Paragraf"

    def link(self, committee):
        return committee.get_absolute_url() if committee is not None else reverse("portal:home")

    def feed_url(self, committee):
        if committee is None:
            return reverse(self.url_name)
        return reverse(f"{self.url_name}_committee", kwargs={"committee": committee.slug})

    def feed_guid(self, committee):
        return _guid("flode", committee.slug if committee is not None else "alla")

    def items(self, committee):
        return entries(committee)

    def item_title(self, entry):
        # Plain text: the feed writer escapes it once, as RSS and Atom titles expect.
        return entry.title

    def item_description(self, entry):
        # Descriptions are HTML in both formats: escape the text, keep its lines.
        return linebreaks(escape(entry.text))

    def item_link(self, entry):
        return entry.link

    def item_guid(self, entry):
        return _guid(entry.kind, entry.pk)

    def item_guid_is_permalink(self, entry):
        return False

    def item_pubdate(self, entry):
        return entry.date

    def item_updateddate(self, entry):
        # Atom requires one; entries are not rewritten, so it is the publication.
        return entry.date

    def item_categories(self, entry):
        return [entry.committee]


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
    url_name = "feeds:atom"
