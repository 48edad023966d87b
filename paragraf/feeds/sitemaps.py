"""The sitemap (/sitemap.xml): every public page, in Swedish with its English twin.

Which items and paragraphs are public comes from the models' querysets
(AgendaItem.objects.public(), Meeting.objects.listed() and
with_verified_minutes()), the same ones the portal's pages go through.
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from paragraf.feeds.versions import conditional, for_committee
from paragraf.meetings.models import AgendaItem, Meeting, Paragraph
from paragraf.organisation.models import Committee

CONTENT_TYPE = "application/xml; charset=utf-8"


class Localised(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(Localised):
    changefreq = "weekly"

    def items(self):
        return [
            "portal:home",
            "portal:committees",
            "noticeboard:board",
            "portal:about",
            "feeds:page",
        ]

    def location(self, name):
        return reverse(name)


class CommitteesSitemap(Localised):
    def items(self):
        return Committee.objects.annotate(latest_meeting=Max("meetings__modified")).order_by(
            "name", "pk"
        )

    def lastmod(self, committee):
        return max(filter(None, [committee.modified, committee.latest_meeting]))


class MeetingsSitemap(Localised):
    def items(self):
        return (
            Meeting.objects.listed()
            .filter(committee__deleted_at__isnull=True)
            .select_related("committee")
            .order_by("start", "pk")
        )

    def lastmod(self, meeting):
        return meeting.modified


class ItemsSitemap(Localised):
    """Agenda items. Items added at the meeting have no agenda page of their own:
    they are listed with their paragraph."""

    def items(self):
        return (
            AgendaItem.objects.public()
            .filter(meeting__committee__deleted_at__isnull=True)
            .exclude(state=AgendaItem.State.ADDED)
            .select_related("meeting", "meeting__committee")
            .order_by("meeting__start", "meeting_id", "position")
        )

    def lastmod(self, item):
        return item.meeting.modified


class ParagraphsSitemap(Localised):
    def items(self):
        return (
            Paragraph.objects.filter(
                agenda_item__in=AgendaItem.objects.public(),
                agenda_item__meeting__in=Meeting.objects.with_verified_minutes(),
                agenda_item__meeting__committee__deleted_at__isnull=True,
            )
            .select_related("agenda_item__meeting__committee")
            .order_by("committee_id", "year", "number")
        )

    def lastmod(self, paragraph):
        return paragraph.agenda_item.meeting.modified


SECTIONS = {
    "sidor": PagesSitemap,
    "namnder": CommitteesSitemap,
    "sammantraden": MeetingsSitemap,
    "punkter": ItemsSitemap,
    "paragrafer": ParagraphsSitemap,
}


@conditional(for_committee)
def index(request):
    return sitemap_views.index(
        request,
        SECTIONS,
        template_name="feeds/sitemap_index.xml",
        content_type=CONTENT_TYPE,
        sitemap_url_name="sitemaps:section",
    )


@conditional(for_committee)
def section(request, section):
    return sitemap_views.sitemap(
        request,
        SECTIONS,
        section=section,
        template_name="feeds/sitemap.xml",
        content_type=CONTENT_TYPE,
    )


@require_safe
def robots(request):
    """Crawlers may read the portal and are pointed at the sitemap; the back office
    and the admin are behind a log-in and not for them."""
    lines = [
        "User-agent: *",
        "Disallow: /kansli/",
        "Disallow: /en/kansli/",
        "Disallow: /admin/",
        "Disallow: /bevakning/",
        "Disallow: /en/bevakning/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemaps:index'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
