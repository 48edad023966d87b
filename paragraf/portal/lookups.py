"""Finding what a public URL names, or a 404 that tells the visitor why not.

Every public view goes through these, so what the public may see of a
committee or meeting is decided in one place.
"""

import datetime
import re

from django.db import connection
from django.utils.translation import gettext as _

from paragraf.meetings.models import Meeting
from paragraf.organisation.models import Committee
from paragraf.portal.views.errors import NotFound

MEETING_SLUG = re.compile(r"^mote-(\d{4})-(\d{2})-(\d{2})(?:-(\d{1,3}))?$")


def public_committee(slug):
    committee = Committee.objects.select_related("body").filter(slug=slug).first()
    if committee is None:
        raise NotFound(_("There is no committee at this address."))
    return committee


def public_meeting(committee_slug, meeting_slug):
    """A meeting the public may see: announced, not planned in secret, not deleted."""
    match = MEETING_SLUG.match(meeting_slug)
    if match is None:
        raise NotFound(_("The address does not name a meeting."))
    year, month, day = (int(part) for part in match.groups()[:3])
    try:
        datetime.date(year, month, day)
    except ValueError:
        raise NotFound(_("The date in the address does not exist.")) from None
    meeting = (
        Meeting.objects.listed()
        .select_related("committee", "committee__body", "location")
        .filter(committee__slug=committee_slug, committee__deleted_at__isnull=True)
        .filter(slug=meeting_slug)
        .first()
    )
    if meeting is None:
        public_committee(committee_slug)  # says so if the committee is what is unknown
        raise NotFound(_("The committee has no published meeting on that day."))
    return meeting


def _version_sql():
    quote = connection.ops.quote_name
    meeting, committee = Meeting._meta.db_table, Committee._meta.db_table
    return (
        f"SELECT m.id, m.modified FROM {quote(meeting)} m "  # noqa: S608 - table names only
        f"JOIN {quote(committee)} c ON c.id = m.committee_id "
        "WHERE c.slug = %s AND m.slug = %s "
        "AND c.deleted_at IS NULL AND m.deleted_at IS NULL AND m.state <> %s"
    )


def public_meeting_version(committee_slug, meeting_slug):
    """(pk, modified) of the meeting `public_meeting` would return, or None.

    The same rule as `public_meeting` (listed, neither it nor its committee
    deleted) in one plain statement: it runs on every view of a cached meeting
    page, and building the ORM query cost more than rendering from the cache.
    A test holds the two in agreement.
    """
    with connection.cursor() as cursor:
        cursor.execute(_version_sql(), [committee_slug, meeting_slug, Meeting.State.PLANNED])
        row = cursor.fetchone()
    # SQLite gives text, PostgreSQL a datetime: either way a key without spaces.
    return (row[0], str(row[1]).replace(" ", "T")) if row else None
